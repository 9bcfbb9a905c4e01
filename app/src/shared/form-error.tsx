/** The server's message for a failed submit, announced as soon as it appears. */
export function FormError({ message }: { message: string | null }) {
  return (
    <div role="alert" className="form-error" hidden={!message}>
      {message}
    </div>
  );
}

import { useEffect, useRef, type MouseEvent } from 'react';

interface ErrorSummaryProps {
  /** The server's (or the device's) message for a failed submit. */
  message: string | null;
  /** One message per invalid field, by the field's input name. */
  fields?: Partial<Record<string, string>>;
}

/** Moves the focus to the named input of the summary's own form, instead of following the hash link. */
function focusField(event: MouseEvent<HTMLAnchorElement>, name: string): void {
  event.preventDefault();
  const field = event.currentTarget.closest('form')?.elements.namedItem(name);
  if (field instanceof HTMLElement) field.focus();
}

/**
 * GOV.UK's error summary: "There is a problem", the message, and a link to each invalid field.
 * It takes the focus whenever its content changes, so a screen reader reads it at once and the
 * keyboard starts from it.
 */
export function ErrorSummary({ message, fields = {} }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const invalid = Object.entries(fields).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const shown = Boolean(message) || invalid.length > 0;
  const signature = JSON.stringify([message, invalid]);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, signature]);

  return (
    <div ref={ref} className="error-summary" tabIndex={-1} hidden={!shown}>
      <div role="alert">
        {shown && <h2 className="error-summary__title">There is a problem</h2>}
        {message && <p>{message}</p>}
        {invalid.length > 0 && (
          <ul className="error-summary__list">
            {invalid.map(([name, text]) => (
              <li key={name}>
                <a href={`#${name}`} onClick={(event) => focusField(event, name)}>
                  {text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

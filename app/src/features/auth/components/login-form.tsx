import type { PublicUser } from '../../../../../domain/schemas/auth';
import { useLogin } from '../api/login';
import { hrefTo } from '../../../shared/router';
import { ErrorSummary } from '../../../shared/error-summary';
import { TextField } from '../../../shared/text-field';

interface LoginFormProps {
  onSuccess: (user: PublicUser) => void;
  /** Where to go afterwards; carried over when switching between log in and sign up. */
  next?: string;
}

export function LoginForm({ onSuccess, next }: LoginFormProps) {
  const { onSubmit, pending, fieldErrors, formError } = useLogin(onSuccess);
  return (
    <section className="panel" aria-labelledby="login-heading">
      <h1 id="login-heading">Log in</h1>
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="login-heading">
        <ErrorSummary message={formError} fields={fieldErrors} />
        <TextField label="Email" name="email" type="email" autoComplete="email" inputMode="email" error={fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        <button type="submit" className="button" disabled={pending}>
          Log in
        </button>
      </form>
      <p>
        New here? <a href={hrefTo('/signup', next ? new URLSearchParams({ next }) : undefined)}>Create an account</a>
      </p>
    </section>
  );
}

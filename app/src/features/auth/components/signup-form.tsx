import { MIN_PASSWORD_LENGTH, type PublicUser } from '../../../../../domain/schemas/auth';
import { useSignup } from '../api/signup';
import { hrefTo } from '../../../shared/router';
import { ErrorSummary } from '../../../shared/error-summary';
import { TextField } from '../../../shared/text-field';

interface SignupFormProps {
  onSuccess: (user: PublicUser) => void;
  /** Where to go afterwards; carried over when switching between log in and sign up. */
  next?: string;
}

export function SignupForm({ onSuccess, next }: SignupFormProps) {
  const { onSubmit, pending, fieldErrors, formError } = useSignup(onSuccess);
  return (
    <section className="panel" aria-labelledby="signup-heading">
      <h1 id="signup-heading">Sign up</h1>
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="signup-heading">
        <ErrorSummary message={formError} fields={fieldErrors} />
        <TextField label="Name" name="name" autoComplete="name" error={fieldErrors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" inputMode="email" error={fieldErrors.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={fieldErrors.password}
        />
        <button type="submit" className="button" disabled={pending}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <a href={hrefTo('/login', next ? new URLSearchParams({ next }) : undefined)}>Log in</a>
      </p>
    </section>
  );
}

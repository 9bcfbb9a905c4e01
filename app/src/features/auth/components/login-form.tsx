import type { PublicUser } from '../../../../../domain/schemas/auth';
import { useLogin } from '../api/login';
import { FormError } from './form-error';
import { TextField } from './text-field';

export function LoginForm({ onSuccess }: { onSuccess: (user: PublicUser) => void }) {
  const { onSubmit, pending, fieldErrors, formError } = useLogin(onSuccess);
  return (
    <section className="panel" aria-labelledby="login-heading">
      <h1 id="login-heading">Log in</h1>
      <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="login-heading">
        <FormError message={formError} />
        <TextField label="Email" name="email" type="email" autoComplete="email" inputMode="email" error={fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        <button type="submit" className="button" disabled={pending}>
          Log in
        </button>
      </form>
      <p>
        New here? <a href="#/signup">Create an account</a>
      </p>
    </section>
  );
}

import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { maskErrors } from './apollo';
import { InputProblems, UserFacingError, errors } from './errors';

describe('error masking', () => {
  const logger = { error: vi.fn() };
  const mask = maskErrors(logger);

  it('hides an unexpected error (a database error, a bug) behind a generic message, and logs it', () => {
    const dbError = new Error('insert into "app_user" ... violates constraint');
    const wrapped = new GraphQLError(dbError.message, { originalError: dbError, path: ['inviteUser'] });
    const formatted = mask({ message: dbError.message, path: ['inviteUser'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, wrapped);
    expect(formatted).toEqual({ message: expect.stringMatching(/erreur inattendue/), path: ['inviteUser'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: dbError }), expect.any(String));
  });

  it('tells a client the database is out of reach as a temporary SERVICE_UNAVAILABLE, not an internal error', () => {
    const dropped = new Error('Connection terminated unexpectedly');
    const wrapped = new GraphQLError(dropped.message, { originalError: dropped, path: ['scheduleAppointment'] });
    const formatted = mask({ message: dropped.message, path: ['scheduleAppointment'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
    expect(formatted).toEqual({
      message: expect.stringMatching(/momentanément indisponible/),
      path: ['scheduleAppointment'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) },
    });
  });

  it('passes errors meant for people through unchanged', () => {
    const error = new UserFacingError('BAD_USER_INPUT', 'Adresse e-mail invalide.', { field: 'email' });
    const thrown = new GraphQLError(error.message, { originalError: error, path: ['inviteUser'] });
    const formatted = mask({ message: error.message, path: ['inviteUser'], extensions: { code: 'BAD_USER_INPUT', field: 'email' } }, thrown);
    expect(formatted).toEqual({ message: 'Adresse e-mail invalide.', path: ['inviteUser'], extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
  });

  it('passes every invalid field of a form through: the first as `field`, all of them in `fields`', () => {
    const problems = new InputProblems({ locale: 'fr' });
    problems.add('title', 'error.required');
    problems.add('endsAt', 'error.endBeforeStart');
    problems.add('title', 'error.tooLong', { max: 200 }); // one message a field: the first found
    const error = (() => {
      try {
        problems.throwIfAny();
      } catch (thrown) {
        return thrown as UserFacingError;
      }
      throw new Error('nothing refused');
    })();
    const thrown = new GraphQLError(error.message, { originalError: error, path: ['planMeeting'] });
    const formatted = mask({ message: error.message, path: ['planMeeting'], extensions: error.extensions }, thrown);
    expect(formatted).toEqual({
      message: 'Ce champ est obligatoire.',
      path: ['planMeeting'],
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'title',
        fields: [
          { field: 'title', message: 'Ce champ est obligatoire.' },
          { field: 'endsAt', message: 'La fin ne peut pas précéder le début.' },
        ],
      },
    });
  });
});

describe('InputProblems', () => {
  const ctx = { locale: 'fr' as const };

  it('keeps the problem of a check that throws on its field, and lets other errors through', () => {
    const problems = new InputProblems(ctx);
    expect(
      problems.check(() => {
        throw errors.badInput(ctx, 'email', 'error.emailInvalid');
      }),
    ).toBeUndefined();
    expect(problems.check(() => 'ok')).toBe('ok');
    expect(() =>
      problems.check(() => {
        throw errors.notFound(ctx, 'operatorId');
      }),
    ).toThrow(/introuvable/);
    expect(() => problems.throwIfAny()).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'email', fields: [{ field: 'email', message: expect.any(String) }] } }),
    );
  });

  it('refuses nothing when every check passed', () => {
    expect(() => new InputProblems(ctx).throwIfAny()).not.toThrow();
  });
});

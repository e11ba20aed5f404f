import { describe, expect, it } from 'vitest';
import { errorFields } from './graphql-errors';

describe('errorFields', () => {
  it('gives every field the API refused at once, each with its message', () => {
    const error = {
      message: 'Ce champ est obligatoire.',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'title',
        fields: [
          { field: 'title', message: 'Ce champ est obligatoire.' },
          { field: 'endsAt', message: 'La fin ne peut pas précéder le début.' },
        ],
      },
    };
    expect(errorFields(error)).toEqual([
      { field: 'title', message: 'Ce champ est obligatoire.' },
      { field: 'endsAt', message: 'La fin ne peut pas précéder le début.' },
    ]);
  });

  it('reads a single refused field from `field`, and none from an error about no field', () => {
    expect(errorFields({ message: 'Adresse e-mail invalide.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } })).toEqual([
      { field: 'email', message: 'Adresse e-mail invalide.' },
    ]);
    expect(errorFields({ message: 'Élément introuvable.', extensions: { code: 'NOT_FOUND' } })).toEqual([]);
  });
});

import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/relay';
import type { User } from './user.entity';

@ObjectType('User', { implements: Node })
export class UserType extends Node {
  readonly __typename = 'User';

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field()
  locale!: string;

  static from(user: User): UserType {
    return Object.assign(new UserType(), { id: toGlobalId('User', user.id), email: user.email, displayName: user.displayName, locale: user.locale });
  }
}

import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A Jalon field and the column of the file it is read from' })
export class ImportColumnInput {
  @Field({ description: 'A Jalon field (importFields lists them)' })
  field!: string;

  @Field({ description: 'A header of the file, as it is written there' })
  column!: string;
}

@InputType({ description: 'How to read an uploaded file: its source (the tool exported) and the column of each field' })
export class ImportMappingInput {
  @Field(() => ID)
  fileId!: string;

  @Field({ description: 'The name of the source (the tool exported); its mapping is saved under it and proposed next time' })
  source!: string;

  @Field(() => [ImportColumnInput])
  columns!: ImportColumnInput[];
}

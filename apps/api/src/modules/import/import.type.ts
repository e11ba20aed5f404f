import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from '@jalon/domain';
import { toGlobalId } from '../../graphql/relay';
import type { ImportFile, ImportMapping } from './import-file.entity';

@ObjectType('ImportColumn')
export class ImportColumnType {
  @Field()
  field!: string;

  @Field()
  column!: string;
}

@ObjectType('ImportFieldInfo', { description: 'A field an import fills' })
export class ImportFieldType {
  @Field()
  field!: string;

  @Field()
  required!: boolean;
}

export function importFields(): ImportFieldType[] {
  return IMPORT_FIELDS.map((field) => ({ field, required: REQUIRED_IMPORT_FIELDS.includes(field) }));
}

export function columnsOf(mapping: Partial<Record<ImportField, string>>): ImportColumnType[] {
  return IMPORT_FIELDS.flatMap((field) => (mapping[field] === undefined ? [] : [{ field, column: mapping[field] }]));
}

@ObjectType('ImportMapping', { description: 'The columns of a source’s exports, saved at its last dry run' })
export class ImportMappingType {
  @Field(() => ID)
  id!: string;

  @Field()
  source!: string;

  @Field(() => [ImportColumnType])
  columns!: ImportColumnType[];

  @Field()
  updatedAt!: Date;

  static from(mapping: ImportMapping): ImportMappingType {
    return { id: toGlobalId('ImportMapping', mapping.id), source: mapping.source, columns: columnsOf(mapping.columns), updatedAt: mapping.updatedAt };
  }
}

@ObjectType('ImportFile', { description: 'A file uploaded from another tool, and what its import created' })
export class ImportFileType {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field(() => Int, { description: 'Lines after the headers' })
  rowCount!: number;

  @Field(() => [String])
  headers!: string[];

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'The source proposed: the one imported as, else the saved mapping that fits its headers' })
  suggestedSource!: string | null;

  @Field(() => [ImportColumnType], { description: 'The columns proposed: the saved mapping of the source, else guessed from the headers' })
  suggestedColumns!: ImportColumnType[];

  @Field(() => Date, { nullable: true })
  importedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  createdParticipants!: number | null;

  @Field(() => Int, { nullable: true })
  createdPathways!: number | null;

  @Field(() => Int, { nullable: true })
  createdStages!: number | null;

  static from(file: ImportFile, suggested: { source: string | null; columns: Partial<Record<ImportField, string>> }): ImportFileType {
    return {
      id: toGlobalId('ImportFile', file.id),
      fileName: file.fileName,
      rowCount: file.rowCount,
      headers: file.headers,
      createdAt: file.createdAt,
      suggestedSource: suggested.source,
      suggestedColumns: columnsOf(suggested.columns),
      importedAt: file.importedAt ?? null,
      createdParticipants: file.createdParticipants ?? null,
      createdPathways: file.createdPathways ?? null,
      createdStages: file.createdStages ?? null,
    };
  }
}

@ObjectType('ImportLineProblem', { description: 'A refused cell: its line (the headers are line 1), field, column and why, in French' })
export class ImportProblemType {
  @Field(() => Int)
  line!: number;

  @Field()
  field!: string;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field()
  message!: string;
}

@ObjectType('ImportCheck', { description: 'The dry run of a file: what its import would create, or every line it refuses' })
export class ImportCheckType {
  @Field(() => Int)
  lineCount!: number;

  @Field(() => Int)
  newParticipants!: number;

  @Field(() => Int)
  newPathways!: number;

  @Field(() => Int)
  newStages!: number;

  @Field(() => Int, { description: 'Lines an earlier import of this source already brought in' })
  unchangedLines!: number;

  @Field(() => [ImportProblemType])
  problems!: ImportProblemType[];
}

@ObjectType('ImportProgress', { description: 'How far the import of a file running now has gone' })
export class ImportProgressType {
  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;
}

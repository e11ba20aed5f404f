import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Allow } from '../../access/operation-access';
import { ImportMappingInput } from './import.inputs';
import { checkImport, importFileView, importProgress, listMappings, recentFiles, runImport } from './import.service';
import { ImportCheckType, ImportFieldType, ImportFileType, ImportMappingType, ImportProgressType, importFields } from './import.type';

/** Import from another tool: the animation team's uploaded files, their mapping, dry run and import. */
@Resolver()
export class ImportResolver {
  @Query(() => [ImportFieldType], { description: 'The fields an import fills, in the order of the mapping screen' })
  @Allow('importFiles')
  importFields(): ImportFieldType[] {
    return importFields();
  }

  @Query(() => [ImportMappingType], { description: 'The saved mappings, one per source, latest used first' })
  @Allow('importFiles')
  async importMappings(@Ctx() ctx: RequestContext): Promise<ImportMappingType[]> {
    return (await listMappings(ctx)).map(ImportMappingType.from);
  }

  @Query(() => [ImportFileType], { description: 'The files sent, latest first, imported or not' })
  @Allow('importFiles')
  async importFiles(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<ImportFileType[]> {
    return (await recentFiles(ctx, first)).map((file) => ImportFileType.from(file, { source: file.source ?? null, columns: {} }));
  }

  @Query(() => ImportFileType, { description: 'An uploaded file (POST /imports) with the mapping proposed for it' })
  @Allow('importFiles')
  async importFile(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ImportFileType> {
    return importFileView(ctx, id);
  }

  @Query(() => ImportProgressType, { nullable: true, description: 'How far the import of the file has gone while it runs; null otherwise' })
  @Allow('importFiles')
  async importProgress(@Ctx() ctx: RequestContext, @Arg('fileId', () => ID) fileId: string): Promise<ImportProgressType | null> {
    return importProgress(ctx, fileId);
  }

  @Mutation(() => ImportCheckType, { description: 'Dry run: save the mapping under its source and check every line; nothing else is written' })
  @Allow('importFiles')
  async checkImport(@Ctx() ctx: RequestContext, @Arg('input') input: ImportMappingInput): Promise<ImportCheckType> {
    return checkImport(ctx, input);
  }

  @Mutation(() => ImportFileType, {
    description: 'Import every line or none (BAD_USER_INPUT lists each refused line); the same lines imported again create nothing',
  })
  @Allow('importFiles')
  async runImport(@Ctx() ctx: RequestContext, @Arg('input') input: ImportMappingInput): Promise<ImportFileType> {
    return runImport(ctx, input);
  }
}

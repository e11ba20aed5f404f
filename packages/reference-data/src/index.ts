/**
 * @jalon/reference-data — browser-safe entry point (the portal imports this one): types, ISCED
 * levels, the QPV file parser, text normalisation and the pure catalogs. The loaders that read files
 * (ROME trades, communes) are in `@jalon/reference-data/node`.
 */
export * from './text-search';
export * from './isced.taxonomy';
export * from './qpv-file.parser';
export * from './rome.catalog';
export * from './commune.catalog';
export { parseCsv, writeCsv, type CsvRecord, type CsvTable } from './csv';

/**
 * @jalon/reference-data/node — Node-only entry point (the API, scripts): everything from the
 * browser-safe entry point, plus the catalogs loaded from disk on first use.
 */
export * from './index';
export {
  closeTradesOf,
  getTrade,
  getTradeSheet,
  isTradeCode,
  loadRomeCatalog,
  loadTradeSheetCatalog,
  readRomeRelease,
  readRomeTables,
  readTradeSheetTables,
  romeCatalog,
  romeVersion,
  searchTrades,
  tradeSheetCatalog,
} from './rome.loader';
export {
  communeCatalog,
  communeIntercommunalities,
  communeSource,
  communesOfDepartement,
  getCommune,
  isCommuneCode,
  loadCommuneCatalog,
  searchCommunes,
  type CommuneSource,
} from './commune.loader';
export { importRomeExport, RomeImportError, type RomeImportOptions, type RomeImportResult } from './import-rome';
export { getNafActivity, NAF_CODE_PATTERN, type NafActivity } from './naf.loader';

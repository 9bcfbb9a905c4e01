import { DB } from '../../../../domain/databases';
import type { CourseDoc, SessionDoc } from '../../../../domain/schemas/catalog';
import { localDb, remoteDb } from '../pouch';

export type CatalogDoc = CourseDoc | SessionDoc;

/** The device's copy of the public catalog: every screen reads this, never the network. */
export const localCatalog = () => localDb<CatalogDoc>(DB.catalog);

export const remoteCatalog = () => remoteDb<CatalogDoc>(DB.catalog);

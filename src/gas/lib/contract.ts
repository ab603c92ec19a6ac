// Compile-time only: the server functions must match the SidebarApi the sidebar's typed client is
// built from, so a renamed or re-typed server call fails `npm run typecheck`, not a user's click.

import type { SidebarApi } from '../../api';
import type * as notify from '../notify';
import type * as share from '../share';
import type * as sidebar from '../sidebar';

type Implements<T extends SidebarApi> = T;

export type SidebarContract = Implements<typeof sidebar & typeof share & typeof notify>;

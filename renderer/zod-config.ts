// zod probes for `new Function` to compile its parsers; the page's CSP (no eval) refuses that and reports a
// violation. Imported first by main.tsx, before any schema is built or used, so zod never tries.
import { z } from 'zod';

z.config({ jitless: true });

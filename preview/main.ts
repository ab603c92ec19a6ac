// `npm start`: the preview of the sample workbook, served on 127.0.0.1 (PORT, default 8765).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview } from './server';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const port = Number(process.env.PORT ?? 8765);
startPreview(distDir, port).then(({ url }) => console.log(`Crewsheet preview: ${url}  (Ctrl+C to stop)`));

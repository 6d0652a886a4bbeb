import { readFileSync, writeFileSync } from "node:fs";
import { extractPdf } from "../src/ingest/formats/pdf.js";
const r = await extractPdf(readFileSync(process.argv[2]!), "x.pdf");
writeFileSync("/tmp/pdfout.txt", r.text);
console.log(r.pages);

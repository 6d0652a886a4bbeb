import { readFileSync, writeFileSync } from "node:fs";
import { extractDocx } from "../src/ingest/formats/docx.js";
writeFileSync("/tmp/docxout.txt", extractDocx(readFileSync(process.argv[2]!), "x.docx").text);

/**
 * Writes a real PDF with a Chinese text layer, for ingest and end-to-end tests: each page is a
 * list of lines set in the standard CJK font STSong-Light (not embedded) through the predefined
 * CMap UniGB-UCS2-H, the way many office exports reference Chinese fonts. pdf.js reads such
 * text with its bundled CMaps — the same path as a published bulletin's.
 */

function utf16Hex(text: string): string {
  let hex = "";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return hex.toUpperCase();
}

/** A PDF of the given pages (each a list of lines, top to bottom), A4, 12 pt, 20 pt leading. */
export function makePdf(pages: string[][]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = add("");
  const descendant = add("");
  const descriptor = add("");
  objects[font - 1] =
    `<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[${descendant} 0 R]>>`;
  objects[descendant - 1] =
    `<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 4>>/FontDescriptor ${descriptor} 0 R/DW 1000>>`;
  objects[descriptor - 1] =
    "<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[0 -200 1000 900]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880/StemV 93>>";
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines
      .map((line, i) => `BT /F1 12 Tf 1 0 0 1 60 ${780 - i * 20} Tm <${utf16Hex(line)}> Tj ET`)
      .join("\n");
    const stream = Buffer.from(ops, "latin1");
    const content = add(`<</Length ${stream.length}>>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<</Type/Page/Parent ${pagesObj} 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 ${font} 0 R>>>>/Contents ${content} 0 R>>`,
      ),
    );
  }
  objects[catalog - 1] = `<</Type/Catalog/Pages ${pagesObj} 0 R>>`;
  objects[pagesObj - 1] =
    `<</Type/Pages/Kids[${kids.map((k) => `${k} 0 R`).join(" ")}]/Count ${kids.length}>>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root ${catalog} 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

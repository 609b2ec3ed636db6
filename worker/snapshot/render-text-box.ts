import sharp from 'sharp';

export type TextBoxStyle = {
  fontPx: number;
  fill: string; // box colour, e.g. "#000"
  opacity: number;
  width?: number; // a band of fixed width; otherwise the box hugs the text
  margin?: number; // transparent space around the box
};

const FONT = 'DejaVu Sans Bold';

// White text on a translucent box, as a PNG to composite. Pango (inside sharp) lays the
// text out with the fonts installed here and reports its exact size, so the box fits the
// words in any script; text wider than `maxWidth` is scaled down rather than cut off.
export async function renderTextBox(text: string, maxWidth: number, style: TextBoxStyle): Promise<Buffer> {
  const margin = style.margin ?? 0;
  const pad = Math.max(3, Math.round(style.fontPx * 0.4));
  const room = Math.max(1, (style.width ?? maxWidth) - 2 * margin - 2 * pad);
  const label = await renderText(text, style.fontPx, room);
  const boxWidth = style.width ? style.width - 2 * margin : label.width + 2 * pad;
  const boxHeight = label.height + 2 * pad;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${boxWidth + 2 * margin}" height="${boxHeight + 2 * margin}"><rect x="${margin}" y="${margin}" width="${boxWidth}" height="${boxHeight}" fill="${style.fill}" fill-opacity="${style.opacity}"/></svg>`;
  return sharp(Buffer.from(svg))
    .composite([{ input: label.png, left: margin + Math.floor((boxWidth - label.width) / 2), top: margin + pad }])
    .png()
    .toBuffer();
}

async function renderText(text: string, fontPx: number, maxWidth: number): Promise<{ png: Buffer; width: number; height: number }> {
  const markup = `<span foreground="white">${escapeMarkup(text)}</span>`;
  const { data, info } = await sharp({ text: { text: markup, font: `${FONT} ${fontPx}`, dpi: 72, rgba: true } }).png().toBuffer({ resolveWithObject: true });
  if (info.width <= maxWidth) return { png: data, width: info.width, height: info.height };
  const scaled = await sharp(data).resize({ width: maxWidth }).png().toBuffer({ resolveWithObject: true });
  return { png: scaled.data, width: scaled.info.width, height: scaled.info.height };
}

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

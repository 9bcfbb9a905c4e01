// Renders the PWA icons (a white first-aid cross on a green square) to PNG with headless Chromium.
// Run once after changing the artwork: node app/scripts/generate-icons.mjs
// The PNGs are committed; the build does not run this script.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const GREEN = '#00703c';
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

/** A cross centred on a 512 square: `reach` from the centre to an arm's end, arms `thick` wide. */
const cross = (reach, thick) => {
  const near = 256 - thick / 2;
  const far = 256 - reach;
  return (
    `<rect x="${near}" y="${far}" width="${thick}" height="${reach * 2}" rx="${thick / 8}" fill="#fff"/>` +
    `<rect x="${far}" y="${near}" width="${reach * 2}" height="${thick}" rx="${thick / 8}" fill="#fff"/>`
  );
};

const svg = (body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${body}</svg>`;

// "any" purpose: a rounded square with transparent corners.
const rounded = svg(`<rect x="16" y="16" width="480" height="480" rx="104" fill="${GREEN}"/>${cross(164, 124)}`);
// Maskable: full bleed; the cross stays inside the 40%-radius safe zone (corner at ~150 of 205 px).
const maskable = svg(`<rect width="512" height="512" fill="${GREEN}"/>${cross(140, 100)}`);
// Apple touch icon: iOS rounds the corners itself and shows transparency as black, so fill the square.
const fullSquare = svg(`<rect width="512" height="512" fill="${GREEN}"/>${cross(160, 120)}`);

const targets = [
  { file: 'icons/icon-192.png', size: 192, art: rounded },
  { file: 'icons/icon-512.png', size: 512, art: rounded },
  { file: 'icons/icon-maskable-512.png', size: 512, art: maskable },
  { file: 'icons/apple-touch-icon.png', size: 180, art: fullSquare },
  { file: 'icons/favicon-32.png', size: 32, art: rounded },
];

await writeFile(`${publicDir}favicon.svg`, `${rounded}\n`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const { file, size, art } of targets) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        art.replace('<svg ', `<svg width="${size}" height="${size}" style="display:block" `) +
        `</body></html>`,
    );
    await writeFile(`${publicDir}${file}`, await page.screenshot({ omitBackground: true }));
    console.log(`wrote ${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}

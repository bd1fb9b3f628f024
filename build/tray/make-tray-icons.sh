#!/usr/bin/env bash
# Draws the tray icons and the Windows taskbar badges in this folder (ImageMagick 6 `convert`,
# DejaVu Sans Bold). The PNGs are committed; run this again only to change them.
#
#   trayTemplate.png / @2x   macOS menu bar: black + alpha, macOS tints it for light and dark bars
#   tray.png / @2x           Windows and Linux: the app's colours, readable on light and dark bars
#   badge-<n>.png / @2x      Windows taskbar overlay, 1–9 and "9+" stores needing action
#
# The glyph is the app icon's storefront (awning, frame, eye, door). At 32 px it is drawn at 32 px
# per unit on a 16-unit grid (edges on whole pixels) and box-filtered down; at 16 px it is drawn
# pixel by pixel below, because a scaled-down drawing turns to mush at that size.
set -euo pipefail
cd "$(dirname "$0")"

FONT="${TRAY_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The storefront in 512 × 512 (16 units × 32 px), white on transparent.
glyph_draw=(
  -draw 'roundrectangle 32,48 480,128 24,24'
  -draw 'circle 88,128 88,184' -draw 'circle 200,128 200,184'
  -draw 'circle 312,128 312,184' -draw 'circle 424,128 424,184'
  -draw 'rectangle 64,208 95,447' -draw 'rectangle 416,208 447,447'
  -draw 'rectangle 64,416 447,447'
  -draw 'roundrectangle 320,280 383,447 12,12'
  -draw 'ellipse 198,344 94,56 0,360'
)
convert -size 512x512 xc:none -fill white "${glyph_draw[@]}" \
  -fill none -stroke none -compose dst-out \
  \( -size 512x512 xc:none -fill white -draw 'ellipse 198,344 66,34 0,360' \) -composite \
  \( -size 512x512 xc:none -fill white -draw 'circle 198,344 198,370' \) -compose over -composite \
  "$WORK/glyph.png"

# macOS: a template image is black where it draws; macOS supplies the colour.
convert "$WORK/glyph.png" -channel RGB -fx 0 +channel "$WORK/template.png"

# Windows/Linux: the icon's blue-to-teal rounded square with the glyph in white.
convert -size 512x512 gradient:'rgb(64,60,201)-rgb(13,137,180)' \
  \( -size 512x512 xc:none -fill white -draw 'roundrectangle 0,0 511,511 104,104' \) \
  -compose copy-opacity -composite "$WORK/background.png"

# A 16 × 16 map as an alpha mask: '#' opaque, '+' faint, anything else transparent.
mask() {
  { echo 'P2 16 16 255'; tr -d ' ' | sed -e 's/#/255 /g' -e 's/+/90 /g' -e 's/[^0-9 ]/0 /g'; } > "$WORK/$1.pgm"
}
mask template16 <<'MAP'
................
.##############.
################
################
.##..##..##..##.
................
.#............#.
.#............#.
.#........###.#.
.#........###.#.
.#.+####+.###.#.
.#.#.##.#.###.#.
.#.+####+.###.#.
.#........###.#.
.##############.
................
MAP
mask color16 <<'MAP'
................
................
................
..############..
..############..
...##..##..##...
................
...#........#...
...#.....##.#...
...#.##..##.#...
...#.##..##.#...
...#.....##.#...
...##########...
................
................
................
MAP

convert -size 16x16 xc:black "$WORK/template16.pgm" -alpha off -compose copy-opacity -composite -strip trayTemplate.png
convert "$WORK/template.png" -filter box -resize 32x32 -strip 'trayTemplate@2x.png'
convert "$WORK/background.png" -filter box -resize 16x16 \
  \( -size 16x16 xc:white "$WORK/color16.pgm" -alpha off -compose copy-opacity -composite \) \
  -compose over -composite -strip tray.png
convert "$WORK/background.png" -filter box -resize 32x32 \
  \( "$WORK/glyph.png" -resize 78% -gravity center -background none -compose over -extent 512x512 -filter box -resize 32x32 \) \
  -compose over -composite -strip 'tray@2x.png'

# Taskbar overlay badges: a red disc with a white count, drawn at the size Windows shows them.
badge() {
  local label=$1 size=$2 out=$3 point
  if [ "${#label}" -gt 1 ]; then point=$((size * 50 / 100)); else point=$((size * 70 / 100)); fi
  convert -size "$((size * 8))x$((size * 8))" xc:none -fill 'rgb(217,45,32)' \
    -draw "circle $((size * 4)),$((size * 4)) $((size * 4)),4" -filter box -resize "${size}x${size}" \
    \( -size "${size}x${size}" xc:none -font "$FONT" -pointsize "$point" -fill white -gravity center \
       -annotate +0+0 "$label" \) -compose over -composite -strip "$out"
}
for n in 1 2 3 4 5 6 7 8 9; do
  badge "$n" 16 "badge-$n.png"
  badge "$n" 32 "badge-$n@2x.png"
done
badge '9+' 16 'badge-9plus.png'
badge '9+' 32 'badge-9plus@2x.png'

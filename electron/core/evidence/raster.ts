/**
 * The pixel work of the redaction tool, in plain Node: decode a PNG or JPEG into RGBA pixels (with
 * limits on size before anything is allocated), paint opaque boxes over them, blend text drawn
 * from a font's glyph outlines into them, and encode the result as PNG. What comes out is one
 * layer of pixels: whatever was under a box is overwritten in the pixel array itself, never
 * covered by a shape a viewer could remove.
 */
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import type { Font } from 'fontkit'
import { coreError } from '../messages/errors'
import { maxImageBytes } from './model'

/** An image as RGBA bytes, row by row, 4 bytes per pixel. */
export type RgbaImage = { readonly width: number; readonly height: number; readonly data: Uint8Array }

/** The largest image the tool opens: 40 megapixels (a 7,300 x 5,500 photo), 160 MB of pixels. */
export const maxPixels = 40_000_000
export { maxImageBytes }

export type ImageFormat = 'png' | 'jpeg'

/** The format a file's first bytes say it is, or null. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return null
}

const tooLarge = (width: number, height: number) =>
  coreError('INVALID_INPUT', 'error.evidence.tooManyPixels', { width, height, max: maxPixels / 1_000_000 })

/** Decodes a PNG or JPEG. INVALID_INPUT for anything else, a damaged file, or one too large. */
export function decodeImage(bytes: Uint8Array): RgbaImage {
  if (bytes.length > maxImageBytes) throw coreError('INVALID_INPUT', 'error.evidence.tooLarge', { mb: maxImageBytes / 1048576 })
  const format = sniffImage(bytes)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (format === 'png') {
    // The size is in the header (IHDR): checked before a pixel is decoded.
    if (bytes.length < 24) throw coreError('INVALID_INPUT', 'error.evidence.pngShort')
    const width = buffer.readUInt32BE(16)
    const height = buffer.readUInt32BE(20)
    if (width === 0 || height === 0) throw coreError('INVALID_INPUT', 'error.evidence.pngEmpty')
    if (width * height > maxPixels) throw tooLarge(width, height)
    try {
      const png = PNG.sync.read(buffer)
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) }
    } catch (error) {
      throw coreError('INVALID_INPUT', 'error.evidence.pngUnreadable', { reason: String((error as Error).message).slice(0, 200) })
    }
  }
  if (format === 'jpeg') {
    try {
      const decoded = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1_000_000, maxMemoryUsageInMB: 512 })
      return { width: decoded.width, height: decoded.height, data: decoded.data }
    } catch (error) {
      const text = (error as Error).message
      if (/maxResolutionInMP|maxMemoryUsage/i.test(text)) throw coreError('INVALID_INPUT', 'error.evidence.jpegTooLarge', { max: maxPixels / 1_000_000 })
      throw coreError('INVALID_INPUT', 'error.evidence.jpegUnreadable', { reason: text.slice(0, 200) })
    }
  }
  throw coreError('INVALID_INPUT', 'error.evidence.notImage')
}

/** Encodes RGBA pixels as an 8-bit RGB PNG (no alpha: what is painted is final). */
export function encodePng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height, colorType: 2, inputColorType: 6, inputHasAlpha: true })
  Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).copy(png.data)
  return new Uint8Array(PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true }))
}

/** A copy scaled down (box filter) so that neither side exceeds `maxSide`; the image itself when it fits. */
export function scaleDown(image: RgbaImage, maxSide: number): RgbaImage {
  const factor = Math.max(image.width, image.height) / maxSide
  if (factor <= 1) return image
  const width = Math.max(1, Math.round(image.width / factor))
  const height = Math.max(1, Math.round(image.height / factor))
  const out = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height)
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height))
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width)
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width))
      let r = 0
      let g = 0
      let b = 0
      let n = 0
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * image.width + sx) * 4
          r += image.data[i]!
          g += image.data[i + 1]!
          b += image.data[i + 2]!
          n++
        }
      }
      const o = (y * width + x) * 4
      out[o] = Math.round(r / n)
      out[o + 1] = Math.round(g / n)
      out[o + 2] = Math.round(b / n)
      out[o + 3] = 255
    }
  }
  return { width, height, data: out }
}

/** A box as fractions of the image's width and height (0..1), as the window draws it. */
export type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** The pixels a box covers, rounded outwards so that no partly covered pixel stays. */
export function pixelRect(box: Box, image: Pick<RgbaImage, 'width' | 'height'>): { x0: number; y0: number; x1: number; y1: number } {
  const x0 = Math.max(0, Math.floor(box.x * image.width))
  const y0 = Math.max(0, Math.floor(box.y * image.height))
  const x1 = Math.min(image.width, Math.ceil((box.x + box.width) * image.width))
  const y1 = Math.min(image.height, Math.ceil((box.y + box.height) * image.height))
  return { x0, y0, x1, y1 }
}

/** Overwrites every pixel under each box with opaque black, in place. */
export function paintBoxes(image: RgbaImage, boxes: ReadonlyArray<Box>): void {
  for (const box of boxes) {
    const { x0, y0, x1, y1 } = pixelRect(box, image)
    for (let y = y0; y < y1; y++) {
      const row = y * image.width * 4
      image.data.fill(0, row + x0 * 4, row + x1 * 4)
      for (let x = x0; x < x1; x++) image.data[row + x * 4 + 3] = 255
    }
  }
}

/** Makes every pixel opaque (a transparent PNG would otherwise show what a viewer puts behind it). */
export function flattenAlpha(image: RgbaImage): void {
  const d = image.data
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3]!
    if (a === 255) continue
    // On white, as a page.
    d[i] = Math.round((d[i]! * a + 255 * (255 - a)) / 255)
    d[i + 1] = Math.round((d[i + 1]! * a + 255 * (255 - a)) / 255)
    d[i + 2] = Math.round((d[i + 2]! * a + 255 * (255 - a)) / 255)
    d[i + 3] = 255
  }
}

type Point = readonly [number, number]
type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 }

/** A glyph outline command as fontkit gives it. */
type PathCommand = { readonly command: string; readonly args: ReadonlyArray<number> }

/** Flattens outline commands into closed polygons, each point through `map`. Curves become short lines. */
function polygonsOf(commands: ReadonlyArray<PathCommand>, map: (x: number, y: number) => Point, steps: number): Point[][] {
  const polygons: Point[][] = []
  let current: Point[] = []
  let cx = 0
  let cy = 0
  const close = () => {
    if (current.length > 2) polygons.push(current)
    current = []
  }
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        close()
        cx = args[0]!
        cy = args[1]!
        current.push(map(cx, cy))
        break
      case 'lineTo':
        cx = args[0]!
        cy = args[1]!
        current.push(map(cx, cy))
        break
      case 'quadraticCurveTo': {
        const [qx, qy, x, y] = args as [number, number, number, number]
        for (let i = 1; i <= steps; i++) {
          const t = i / steps
          const u = 1 - t
          current.push(map(u * u * cx + 2 * u * t * qx + t * t * x, u * u * cy + 2 * u * t * qy + t * t * y))
        }
        cx = x
        cy = y
        break
      }
      case 'bezierCurveTo': {
        const [ax, ay, bx, by, x, y] = args as [number, number, number, number, number, number]
        for (let i = 1; i <= steps; i++) {
          const t = i / steps
          const u = 1 - t
          current.push(
            map(u * u * u * cx + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * x, u * u * u * cy + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * y),
          )
        }
        cx = x
        cy = y
        break
      }
      case 'closePath':
        close()
        break
      default:
        break
    }
  }
  close()
  return polygons
}

const subSamples = 4

/**
 * Fills polygons (non-zero winding) into the image, blending `color` at `opacity` by how much of
 * each pixel they cover (4 sub-rows per pixel, exact horizontal coverage). Linear in the edges
 * crossing each row: edges enter and leave an active list sorted by their top.
 */
export function fillPolygons(image: RgbaImage, polygons: ReadonlyArray<ReadonlyArray<Point>>, color: readonly [number, number, number], opacity: number): void {
  const edges: Edge[] = []
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i++) {
      const [ax, ay] = polygon[i]!
      const [bx, by] = polygon[(i + 1) % polygon.length]!
      if (ay === by) continue
      edges.push(ay < by ? { x0: ax, y0: ay, x1: bx, y1: by, dir: 1 } : { x0: bx, y0: by, x1: ax, y1: ay, dir: -1 })
    }
  }
  if (edges.length === 0) return
  edges.sort((a, b) => a.y0 - b.y0)
  const top = Math.max(0, Math.floor(edges[0]!.y0))
  const bottom = Math.min(image.height, Math.ceil(Math.max(...edges.map((e) => e.y1))))
  const coverage = new Float32Array(image.width + 1)
  let next = 0
  let active: Edge[] = []
  const crossings: Array<{ x: number; dir: number }> = []
  for (let py = top; py < bottom; py++) {
    coverage.fill(0)
    let touched = false
    for (let s = 0; s < subSamples; s++) {
      const y = py + (s + 0.5) / subSamples
      while (next < edges.length && edges[next]!.y0 <= y) active.push(edges[next++]!)
      active = active.filter((e) => e.y1 > y)
      crossings.length = 0
      for (const e of active) {
        if (e.y0 > y) continue
        crossings.push({ x: e.x0 + ((y - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir })
      }
      if (crossings.length < 2) continue
      crossings.sort((a, b) => a.x - b.x)
      let winding = 0
      for (let i = 0; i < crossings.length - 1; i++) {
        winding += crossings[i]!.dir
        if (winding === 0) continue
        const from = Math.max(0, crossings[i]!.x)
        const to = Math.min(image.width, crossings[i + 1]!.x)
        if (to <= from) continue
        touched = true
        const fx = Math.floor(from)
        const tx = Math.floor(to)
        if (fx === tx) {
          coverage[fx]! += to - from
        } else {
          coverage[fx]! += fx + 1 - from
          for (let x = fx + 1; x < tx; x++) coverage[x]! += 1
          if (tx < image.width) coverage[tx]! += to - tx
        }
      }
    }
    if (!touched) continue
    const row = py * image.width * 4
    for (let x = 0; x < image.width; x++) {
      const c = coverage[x]!
      if (c <= 0) continue
      const a = Math.min(1, c / subSamples) * opacity
      const i = row + x * 4
      image.data[i] = Math.round(image.data[i]! * (1 - a) + color[0] * a)
      image.data[i + 1] = Math.round(image.data[i + 1]! * (1 - a) + color[1] * a)
      image.data[i + 2] = Math.round(image.data[i + 2]! * (1 - a) + color[2] * a)
    }
  }
}

/**
 * Stamps `text` diagonally (rising to the right) across the whole image, repeated in rows, in a
 * grey that stays readable on light paper and on the black boxes. The size follows the image, so
 * a line of text spans about two thirds of its diagonal.
 */
export function stampWatermark(image: RgbaImage, text: string, font: Font): void {
  const run = font.layout(text)
  const unitsWidth = run.positions.reduce((sum, p) => sum + p.xAdvance, 0)
  if (unitsWidth <= 0) return
  const diagonal = Math.hypot(image.width, image.height)
  const scale = (diagonal * 0.62) / unitsWidth
  const lineHeight = font.unitsPerEm * scale * 3.2
  const angle = -Math.atan2(image.height, image.width)
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const centreX = image.width / 2
  const centreY = image.height / 2
  // Rows of text, along the diagonal, from one corner to the other, offset by half a line each row.
  const rows = Math.ceil(diagonal / lineHeight) + 1
  const polygons: Point[][] = []
  for (let row = -rows; row <= rows; row++) {
    const offsetY = row * lineHeight
    const shift = (row % 2 === 0 ? 0 : 0.5) * unitsWidth * scale * 1.15
    for (let copy = -1; copy <= 1; copy++) {
      const startX = -unitsWidth * scale * 0.5 + copy * unitsWidth * scale * 1.15 + shift
      let penX = 0
      for (let g = 0; g < run.glyphs.length; g++) {
        const glyph = run.glyphs[g]!
        const position = run.positions[g]!
        const gx = penX + position.xOffset
        const gy = position.yOffset
        const map = (x: number, y: number): Point => {
          // Font units (y up) to the line's own pixels (y down), then turned about the centre.
          const lx = startX + (gx + x) * scale
          const ly = offsetY - (gy + y) * scale
          return [centreX + lx * cos - ly * sin, centreY + lx * sin + ly * cos]
        }
        const commands = (glyph as unknown as { path: { commands: ReadonlyArray<PathCommand> } }).path.commands
        const bounds = (glyph as unknown as { bbox?: { minX: number; minY: number; maxX: number; maxY: number } }).bbox
        // Glyphs wholly outside the image are skipped.
        if (bounds) {
          const corners = [map(bounds.minX, bounds.minY), map(bounds.maxX, bounds.maxY), map(bounds.minX, bounds.maxY), map(bounds.maxX, bounds.minY)]
          if (corners.every(([x]) => x < 0) || corners.every(([x]) => x > image.width) || corners.every(([, y]) => y < 0) || corners.every(([, y]) => y > image.height)) {
            penX += position.xAdvance
            continue
          }
        }
        polygons.push(...polygonsOf(commands, map, 6))
        penX += position.xAdvance
      }
    }
  }
  fillPolygons(image, polygons, [128, 128, 128], 0.45)
}

import { useRef, useState, type PointerEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { EvidenceImage, RedactedCopy } from '@core/api/contract'
import { redactFormSchema, type RedactFormat } from '@core/evidence/model'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { coreSchemaResolver, fieldErrorText } from '../../ui/schema-form'

type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** The tool's form: the boxes drawn (no field of their own: drawn on the picture) and the copy's format. */
export type RedactForm = { boxes: ReadonlyArray<Box>; format: RedactFormat }

/** Any problem with the boxes (too many; one outside the picture), as one path: they are said beside their count. */
export const redactPathBack = (path: string): string => (path.startsWith('boxes') ? 'boxes' : path)

/** Boxes smaller than this (a fraction of a side) are a click, not a box. */
const smallest = 0.005

const clamp = (value: number) => Math.min(1, Math.max(0, value))

/**
 * The redaction tool: open an image (PNG or JPEG), draw black boxes over what the company does not
 * need, and have the core write a flattened copy with the watermark "Copy for <company>, <date>,
 * <reference>" in the letter's language; then keep it with the request as "identity provided",
 * or save it. The window only draws boxes: the pixels are changed by the core.
 */
export function RedactDialog({ reference, onClose }: { reference: string; onClose: () => void }) {
  const pick = useStore((s) => s.pickAttachments)
  const open = useStore((s) => s.openEvidence)
  const redact = useStore((s) => s.redactEvidence)
  const addEvent = useStore((s) => s.addEvent)
  const toast = useStore((s) => s.toast)
  const today = useStore((s) => s.today ?? new Date().toISOString().slice(0, 10))
  const { t } = useTranslation('followups', { keyPrefix: 'redact' })
  const [image, setImage] = useState<EvidenceImage | null>(null)
  // The boxes and the format are checked with the core's own redaction schema before a copy is asked for.
  const form = useForm<RedactForm>({ defaultValues: { boxes: [], format: 'png' }, resolver: coreSchemaResolver<RedactForm>(redactFormSchema, (values) => values, redactPathBack) })
  const [boxes, format] = useWatch({ control: form.control, name: ['boxes', 'format'] })
  const setBoxes = (next: ReadonlyArray<Box>) => form.setValue('boxes', next, { shouldValidate: form.formState.isSubmitted })
  const boxesError = fieldErrorText(form.formState.errors, 'boxes')
  const [drawing, setDrawing] = useState<{ x: number; y: number; box: Box } | null>(null)
  const [copy, setCopy] = useState<RedactedCopy | null>(null)
  const [busy, setBusy] = useState(false)
  const surface = useRef<HTMLDivElement>(null)

  const choose = async () => {
    const [file] = await pick()
    if (!file) return
    setBusy(true)
    const opened = await open(file.token)
    setBusy(false)
    if (opened) {
      setImage(opened)
      setBoxes([])
      setCopy(null)
    }
  }

  const at = (event: PointerEvent<HTMLDivElement>) => {
    const rect = surface.current!.getBoundingClientRect()
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) }
  }
  const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  })
  const onDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId)
    const start = at(event)
    setDrawing({ ...start, box: { ...start, width: 0, height: 0 } })
  }
  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drawing) setDrawing({ ...drawing, box: boxBetween(drawing, at(event)) })
  }
  const onUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drawing) return
    const box = boxBetween(drawing, at(event))
    setDrawing(null)
    if (box.width >= smallest && box.height >= smallest) {
      setBoxes([...boxes, box])
      setCopy(null)
    }
  }

  const make = async (values: RedactForm) => {
    if (!image) return
    setBusy(true)
    setCopy(await redact({ reference, token: image.token, boxes: [...values.boxes], format: values.format, save: false }))
    setBusy(false)
  }
  const save = async () => {
    if (!image) return
    setBusy(true)
    const saved = await redact({ reference, token: image.token, boxes: [...boxes], format, save: true })
    setBusy(false)
    if (saved?.savedTo) toast('success', t('saved', { path: saved.savedTo }))
  }
  const keep = async () => {
    if (!copy) return
    setBusy(true)
    const done = await addEvent(reference, { kind: 'identity-provided', on: today, note: t('keptNote', { name: copy.name }), until: null, trackingNumber: null, attachments: [copy.token] })
    setBusy(false)
    if (done) {
      toast('success', t('kept'))
      onClose()
    }
  }

  const shown = (box: Box, key: string, removable: boolean) => (
    <div
      key={key}
      className="redact-box"
      style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }}
      data-testid={removable ? 'redact-box' : undefined}
    />
  )

  return (
    <Dialog title={t('title')} onClose={onClose} wide>
      <div className="redact-dialog" data-testid="redact-dialog">
        <p className="muted">{t('intro')}</p>
        {!image ? (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void choose()}>
            {t('choose')}
          </button>
        ) : copy ? (
          <>
            <img className="redact-result" src={copy.preview} alt={t('resultAlt', { watermark: copy.watermark })} data-testid="redact-result" />
            <p>{t('done', { boxes: copy.boxes, watermark: copy.watermark })}</p>
            {copy.plainEmail ? (
              <p className="redact-warning" role="alert" data-testid="plain-email-warning">
                {t('plainEmail')}
              </p>
            ) : null}
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void keep()}>
                {t('keep')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void save()}>
                {t('save')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setCopy(null)}>
                {t('again')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p>{t('draw', { name: image.name, width: image.width, height: image.height })}</p>
            <div
              ref={surface}
              className="redact-surface"
              style={{ aspectRatio: `${image.width} / ${image.height}` }}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
              data-testid="redact-surface"
            >
              <img src={image.preview} alt={t('imageAlt', { name: image.name })} draggable={false} />
              {boxes.map((box, index) => shown(box, String(index), true))}
              {drawing ? shown(drawing.box, 'drawing', false) : null}
            </div>
            <div className="button-row">
              <span className="muted">
                {t('boxes', { count: boxes.length })}
              </span>
              {boxesError ? (
                <span className="field-error" role="alert" data-testid="redact-boxes-error">
                  {boxesError}
                </span>
              ) : null}
              <button type="button" className="button" disabled={boxes.length === 0} onClick={() => setBoxes(boxes.slice(0, -1))}>
                {t('undo')}
              </button>
              <label>
                {t('format')}{' '}
                <select {...form.register('format')}>
                  <option value="png">PNG</option>
                  <option value="pdf">PDF</option>
                </select>
              </label>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void form.handleSubmit(make)()}>
                {t('make')}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  )
}

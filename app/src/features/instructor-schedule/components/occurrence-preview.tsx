import { plural } from '../../../shared/format';
import type { PreviewOccurrence } from '../preview/occurrence-preview';
import { slotText } from '../preview/slot-text';

interface OccurrencePreviewProps {
  occurrences: readonly PreviewOccurrence[];
  /** Why there is nothing to preview yet. */
  problem: string | null;
}

const dayText = (occurrence: PreviewOccurrence): string =>
  occurrence.days.map((day) => slotText(day.start, day.end)).join('; ');

/** What a save would create, worked out on this device, with the occurrences that clash marked. */
export function OccurrencePreview({ occurrences, problem }: OccurrencePreviewProps) {
  const clashing = occurrences.filter((occurrence) => occurrence.clashes.length > 0).length;
  return (
    <section className="occurrence-preview" aria-labelledby="occurrence-preview-heading">
      <h3 id="occurrence-preview-heading">Preview (London time)</h3>
      <p role="status">
        {problem ?? `${plural(occurrences.length, 'session')}${clashing ? `, ${clashing} clashing` : ', no clashes on this device'}.`}
      </p>
      {!problem && (
        <ol className="occurrence-preview__list">
          {occurrences.map((occurrence) => (
            <li key={occurrence.occurrence} data-clash={occurrence.clashes.length > 0}>
              {dayText(occurrence)}
              {occurrence.clashes.map((clash) => (
                <p key={clash.sessionId} className="occurrence-preview__clash">
                  Clashes with {clash.courseTitle} at location {clash.location}, {slotText(clash.start, clash.end)}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

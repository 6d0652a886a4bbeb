/**
 * The types the frame readers share (shapes.ts and the frames of their own files), apart so
 * no file of src/understand imports another in a circle.
 */
import type { PlacedIndicator } from "./indicators.js";
import type { Ask, PeriodRef, PlaceRef } from "./question.js";

/** What the frames may look at besides the text: the scope and indicators already read. */
export interface ShapeContext {
  indicators: readonly PlacedIndicator[];
  places: readonly PlaceRef[];
  period: PeriodRef;
}

/** A frame's reading: the ask and, for two-sided frames, where the sides are. */
export interface ShapeReading {
  ask: Ask;
  /** For ratio frames: the part's and the whole's spans. */
  sides?: { part: [number, number]; whole: [number, number] | null };
  /** For which-is-higher over topics: each topic's span. */
  items?: Array<[number, number]>;
}

/** One bound of a cumulative histogram: how many observations were at most `le` seconds. */
export interface Bucket {
  readonly le: number;
  readonly count: number;
}

/** A histogram as the operations snapshot sends it: finite bounds, and the total (the +Inf bucket). */
export interface Histogram {
  readonly buckets: readonly Bucket[];
  readonly count: number;
}

export interface Quantile {
  readonly seconds: number;
  /** The quantile lies beyond the last bound: `seconds` is that bound, and the truth is more. */
  readonly beyondLastBound: boolean;
}

/**
 * The q-quantile of a cumulative histogram, as Prometheus' histogram_quantile estimates it:
 * linear within the bucket the rank falls in (observations spread evenly inside a bucket), the
 * first bucket starting at zero. Undefined when nothing was observed.
 */
export function histogramQuantile(q: number, histogram: Histogram): Quantile | undefined {
  const { buckets, count } = histogram;
  if (count <= 0) return undefined;
  const rank = q * count;
  let lowerBound = 0;
  let countBelow = 0;
  for (const bucket of buckets) {
    if (bucket.count >= rank) {
      const inBucket = bucket.count - countBelow;
      const fraction = inBucket > 0 ? (rank - countBelow) / inBucket : 1;
      return { seconds: lowerBound + (bucket.le - lowerBound) * fraction, beyondLastBound: false };
    }
    lowerBound = bucket.le;
    countBelow = bucket.count;
  }
  return { seconds: lowerBound, beyondLastBound: true };
}

/**
 * What was observed between two snapshots of one histogram: each bucket's later count minus its
 * earlier one. A count that went down means a service restarted and began again from zero: the
 * later histogram alone is then what is known of the window. An earlier histogram with no
 * bounds had seen nothing (prom-client writes a labelled series only from its first observation).
 * Bounds that differ otherwise (a deployment changed them) cannot be subtracted: undefined.
 */
export function histogramBetween(earlier: Histogram, later: Histogram): Histogram | undefined {
  if (earlier.buckets.length === 0) return later;
  if (
    earlier.buckets.length !== later.buckets.length ||
    earlier.buckets.some((bucket, i) => bucket.le !== later.buckets[i]!.le)
  )
    return undefined;
  const restarted = later.count < earlier.count || later.buckets.some((b, i) => b.count < earlier.buckets[i]!.count);
  if (restarted) return later;
  return {
    buckets: later.buckets.map((bucket, i) => ({ le: bucket.le, count: bucket.count - earlier.buckets[i]!.count })),
    count: later.count - earlier.count,
  };
}

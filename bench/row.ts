/** One line of the bench's table: a figure, and the budget it is held to when it has one. */
export interface Row {
  section: string;
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

/**
 * A ratio between two sides measured in turns, one pair per repetition: its median, and the range, for the
 * metric's label. Both sides must come from the same repetitions, so a busy moment weighs on both alike.
 */
export function pairedRatio(side: number[], base: number[]): { value: number; range: string } {
  const ratios = side.map((v, i) => v / base[i]).sort((a, b) => a - b);
  const mid = ratios.length / 2;
  const value = ratios.length % 2 ? ratios[Math.floor(mid)] : (ratios[mid - 1] + ratios[mid]) / 2;
  const f = (n: number) => n.toFixed(2);
  return { value, range: `median; range ${f(ratios[0])}-${f(ratios[ratios.length - 1])} over ${ratios.length}` };
}

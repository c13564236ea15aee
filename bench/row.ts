/** One line of the bench's table: a figure, and the budget it is held to when it has one. */
export interface Row {
  section: string;
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

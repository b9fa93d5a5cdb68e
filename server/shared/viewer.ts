/** The signed-in member a request acts for; null stands for an anonymous reader. */
export interface Viewer {
  memberId: string;
}

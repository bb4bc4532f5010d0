// The three things that happen to an alarm, each told to the team and the operations webhook.
export type AlarmEvent = "fired" | "repeated" | "resolved";

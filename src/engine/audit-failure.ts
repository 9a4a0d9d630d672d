// Why a run stops before anything is computed: no tickets, or parameters, a 列映射 or a 节假日
// sheet in error. audit() and resolveParams() throw it; the pane and the command line show it.
import type { ParamError } from "./params";

export class AuditFailure extends Error {
  constructor(
    readonly code: "no-tickets" | "invalid-params" | "invalid-mapping" | "invalid-holidays",
    readonly messageZh: string,
    readonly messageEn: string,
    readonly paramErrors: ParamError[] = []
  ) {
    super(messageEn);
  }
}

// A 工单 sheet with callers' phone numbers where they belong (来电人) and where they do not (a date
// column), and a citizen's long text in a date column: what the privacy tests audit.
import { Book } from "./book";
import { sheetModel } from "./generate";

/** Any of the numbers unmasked. */
export const PHONES = /13812345678|13912345678|62345678/;

export const STORY =
  "我家楼下施工噪音扰民已经三个月了，每天晚上十点以后还在施工，物业不管，请尽快处理，谢谢，联系电话13912345678";

export function callersBook(): Book {
  return {
    sheets: [
      sheetModel("工单", [
        ["工单编号", "派单时间", "签收时间", "转派时间", "来电人", "诉求内容"],
        ["GD1", "2023-03-01 09:00", "13812345678", "2023-03-01 09:20", "13812345678", STORY],
        ["GD2", "2023-03-01 09:00", STORY, "2023-03-01 09:20", "010-62345678", "好"],
        ["GD3", "13912345678", "2023-03-02 09:10", null, "13812345678", STORY],
      ]),
    ],
  };
}

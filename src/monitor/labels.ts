// The names of statuses and levels as readers see them, shared by the CLI, the web pages and reports.
export const STATUS_LABEL: Record<string, string> = {
  achieved: '已完成',
  on_track: '进度正常',
  at_risk: '存在风险',
  off_track: '进度滞后',
  missed: '未完成',
  not_assessable: '无法评估',
  no_data: '暂无数据',
};

export const LEVEL_LABEL: Record<string, string> = { national: '国家', province: '省级', prefecture: '州（地）级', county: '县级' };

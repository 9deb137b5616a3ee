// Chinese names of the domain's terms, as the people who use the console say them.
export const levels = {
  DISTRICT: '区', STREET: '街道/乡镇', COMMUNITY: '社区/村', GRID: '网格党支部', BUILDING_GROUP: '楼栋党小组',
};

// What a unit is at its level, where cities differ (a village, a compound branch, a villagers' group).
export const kinds = {
  DISTRICT_KIND: '区/县', STREET_OFFICE: '街道', TOWNSHIP: '乡镇', URBAN_COMMUNITY: '社区', VILLAGE: '村',
  GRID_BRANCH: '网格党支部', COMPOUND_BRANCH: '小区党支部', BUILDING_GROUP_KIND: '楼栋党小组', RESIDENTS_GROUP: '村民小组',
};

// Organisations hung on the tree: a zone over communities, the bodies serving a compound.
export const organizationKinds = {
  ZONE: '片区', PROPERTY_COMPANY: '物业服务企业', OWNERS_COMMITTEE: '业主委员会', PROPERTY_MANAGEMENT_COMMITTEE: '物业管理委员会',
};

export const childLevel = { DISTRICT: 'STREET', STREET: 'COMMUNITY', COMMUNITY: 'GRID', GRID: 'BUILDING_GROUP' };

export const positions = {
  PARTY_SECRETARY: '党组织书记', GRID_CHIEF: '网格长', BUILDING_LEADER: '楼栋长', FIRST_SECRETARY: '第一书记', GRID_WORKER: '网格员',
};

export const statuses = {
  REPORTED: '已登记', ACCEPTED: '已受理', DISPATCHED: '已派单', IN_PROGRESS: '办理中', RESOLVED: '已办结', CLOSED: '已关闭',
};

export const openStatuses = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS'];

export const events = {
  EVENT_REPORTED: '登记', EVENT_ACCEPTED: '受理', EVENT_DISPATCHED: '派单', EVENT_STARTED: '开始办理', EVENT_ESCALATED: '上报升级',
  EVENT_RESOLVED: '办结', EVENT_RATED: '评价', EVENT_REOPENED: '重新办理', EVENT_OVERDUE: '超时', EVENT_REROUTED: '改派',
  EVENT_TRANSFERRED: '转办', EVENT_HANDED_BACK: '退回', EVENT_REPLIED: '回复', EVENT_EXPLAINED: '说明',
  EVENT_WHISTLED: '吹哨', EVENT_CHECKED_IN: '报到', EVENT_WHISTLE_RULED_IMPROPER: '认定乱吹哨', EVENT_HELPER_ASSIGNED: '双报到单位协助', EVENT_HANDED_ON: '物业转交社区',
};

export const ratings = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };

export const rankBy = {
  COMPLAINT_VOLUME: '诉求量', RESOLUTION_RATE: '解决率', SATISFACTION_RATE: '满意率', COMPLAINTS_PER_THOUSAND_HOUSEHOLDS: '千户诉求量',
};

const china = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

// Timestamps come as RFC 3339 text; the console shows them in China time, as the people using it read clocks.
export const when = (at) => (at ? china.format(new Date(at)) : '—');

export const percent = (rate) => `${(100 * (rate ?? 0)).toFixed(1)}%`;

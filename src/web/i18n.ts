// The interface in Chinese first, English as a switch (?lang=en, remembered in a cookie).
export type Lang = 'zh' | 'en';

const EN: Record<string, string> = {
  蓝图: 'Lantu',
  规划实施监测评估系统: 'Plan implementation monitoring',
  总览: 'Overview',
  指标: 'Indicators',
  规划: 'Plans',
  文件: 'Documents',
  项目: 'Projects',
  部门: 'Departments',
  督查: 'Supervision',
  审核: 'Review',
  报告: 'Reports',
  提醒: 'Reminders',
  搜索: 'Search',
  公开: 'Public',
  登录: 'Log in',
  退出: 'Log out',
  用户名: 'User name',
  密码: 'Password',
  已完成: 'Achieved',
  进度正常: 'On track',
  存在风险: 'At risk',
  进度滞后: 'Off track',
  无法评估: 'Not assessable',
  暂无数据: 'No data',
  跳到正文: 'Skip to content',
  语言: 'Language',
  进展审核: 'Updates to review',
  督查督办: 'Supervision',
  督办通知: 'Supervision notice',
  未找到: 'Not found',
  公开数据: 'Public data',
  评估报告: 'Evaluation reports',
  'Excel 填报结果': 'Excel upload result',
  状态概况: 'Status overview',
  预警: 'Warnings',
  目标与完成情况: 'Targets and outcomes',
  走势图: 'Trend',
};

export function t(zh: string, lang: Lang): string {
  return lang === 'en' ? (EN[zh] ?? zh) : zh;
}

export { STATUS_LABEL } from '../monitor/labels.js';

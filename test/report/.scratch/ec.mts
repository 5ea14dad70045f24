import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
chart.setOption({ animation: false, xAxis: { type: 'category', data: ['已完成', '进度正常', '<b>x'] }, yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', data: [3, 2, 1], label: { show: true, position: 'top' } }] });
const s = chart.renderToSVGString();
chart.dispose();
console.log(s.length, s.slice(0, 400));
console.log(s.includes('<b>'), s.includes('&lt;b'));

/**
 * Registers only the Chart.js parts the dashboard draws (line and stacked bar charts on category/linear
 * axes, with legend and tooltip): about 50 kB less than chart.js/auto (toolchain.md G14).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

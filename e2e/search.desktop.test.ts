import { devices } from './harness.js';
import { describeSearchJourneys } from './journeys/search-journeys.js';

describeSearchJourneys(devices.desktop);

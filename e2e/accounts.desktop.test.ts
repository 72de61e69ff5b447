import { devices } from './harness.js';
import { describeAccountJourneys } from './journeys/account-journeys.js';

describeAccountJourneys(devices.desktop);

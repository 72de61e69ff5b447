import { devices } from './harness.js';
import { describeSocialJourneys } from './journeys/social-journeys.js';

describeSocialJourneys(devices.phone);

import { devices } from './harness.js';
import { describeRecipeJourneys } from './journeys/recipe-journeys.js';

describeRecipeJourneys(devices.phone);

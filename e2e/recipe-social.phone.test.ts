import { devices } from './harness.js';
import { describeRecipeSocialJourneys } from './journeys/recipe-social-journeys.js';

describeRecipeSocialJourneys(devices.phone);

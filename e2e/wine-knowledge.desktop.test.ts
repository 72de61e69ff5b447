import { devices } from './harness.js';
import { describeWineKnowledgeJourneys } from './journeys/wine-knowledge-journeys.js';

describeWineKnowledgeJourneys(devices.desktop);

import { devices } from './harness.js';
import { describeRecipeNutritionJourneys } from './journeys/recipe-nutrition-journeys.js';

describeRecipeNutritionJourneys(devices.phone);

import { testProviderKey } from './credentialTest';
import { searchAgents } from './listSearch';
import { getGenerationModels, getGenerationVoices } from './loadOptions';

/** The agent list of agent locators. */
export const listSearch = { searchAgents };

/** The model and voice lists of Generation. */
export const loadOptions = { getGenerationModels, getGenerationVoices };

/** The test of the AI provider key credential. */
export const credentialTest = { testProviderKey };

import type { ResourceGroup } from '../../shared/resource';
import { aiServiceDescription } from '../aiService';
import { blogArticleDescription } from '../blogArticle';
import { generationDescription, getGenerationModels, getGenerationVoices } from '../generation';

export const generationGroup: ResourceGroup = {
	resources: [
		{
			name: 'Blog Article',
			value: 'blogArticle',
			description: 'Long-form Markdown articles on the ImagineAnything blog',
			properties: blogArticleDescription,
		},
		{
			name: 'Connected AI Service',
			value: 'aiService',
			description: 'API keys of AI providers (OpenAI, Runware, Google Gemini, ElevenLabs) that Generation uses',
			properties: aiServiceDescription,
		},
		{
			name: 'Generation',
			value: 'generation',
			description: 'AI images, videos, voice, sound effects and music, posted automatically when done',
			properties: generationDescription,
		},
	],
	loadOptions: { getGenerationModels, getGenerationVoices },
};

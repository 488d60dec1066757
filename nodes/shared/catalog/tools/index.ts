import type { ToolDeclaration } from '../types';
import { aiClothesChanger } from './aiClothesChanger';
import { aiFaceEditor } from './aiFaceEditor';
import { aiGifGenerator } from './aiGifGenerator';
import { aiHeadshotGenerator } from './aiHeadshotGenerator';
import { aiImageEditor } from './aiImageEditor';
import { aiImageGenerator } from './aiImageGenerator';
import { aiImageUpscaler } from './aiImageUpscaler';
import { aiMemeGenerator } from './aiMemeGenerator';
import { aiQrCodeGenerator } from './aiQrCodeGenerator';
import { aiTalkingPhoto } from './aiTalkingPhoto';
import { aiVideoEditor } from './aiVideoEditor';
import { aiVideoTranslator } from './aiVideoTranslator';
import { aiVoiceCloner } from './aiVoiceCloner';
import { aiVoiceGenerator } from './aiVoiceGenerator';
import { animation } from './animation';
import { audioToVideo } from './audioToVideo';
import { autoSubtitleGenerator } from './autoSubtitleGenerator';
import { bodySwap } from './bodySwap';
import { characterReplace } from './characterReplace';
import { faceSwapPhoto } from './faceSwapPhoto';
import { faceSwapVideo } from './faceSwapVideo';
import { headSwap } from './headSwap';
import { imageBackgroundRemover } from './imageBackgroundRemover';
import { imageToVideo } from './imageToVideo';
import { lipSync } from './lipSync';
import { photoColorizer } from './photoColorizer';
import { textToVideo } from './textToVideo';
import { videoToVideo } from './videoToVideo';

/** Every Magic Hour create endpoint, declared once. */
export const TOOLS: readonly ToolDeclaration[] = [
	aiTalkingPhoto,
	aiVideoEditor,
	aiVideoTranslator,
	animation,
	audioToVideo,
	autoSubtitleGenerator,
	characterReplace,
	faceSwapVideo,
	imageToVideo,
	lipSync,
	textToVideo,
	videoToVideo,
	aiClothesChanger,
	aiFaceEditor,
	aiGifGenerator,
	aiImageEditor,
	aiHeadshotGenerator,
	aiImageGenerator,
	aiImageUpscaler,
	aiMemeGenerator,
	aiQrCodeGenerator,
	bodySwap,
	faceSwapPhoto,
	headSwap,
	imageBackgroundRemover,
	photoColorizer,
	aiVoiceGenerator,
	aiVoiceCloner,
];

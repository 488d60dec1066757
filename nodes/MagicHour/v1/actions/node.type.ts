import type { AllEntities } from 'n8n-workflow';

/** The operations of each resource of the Magic Hour node. */
type NodeMap = {
	account: 'get';
	faceDetection: 'detect';
	file: 'listSavedItems' | 'upload';
	project: 'delete' | 'download' | 'get' | 'waitFor';
};

export type MagicHourType = AllEntities<NodeMap>;

export type Resource = MagicHourType['resource'];

/** The operations of one resource, by value. */
export type OperationsOf<R extends Resource> = Extract<MagicHourType, { resource: R }>['operation'];

import { defineResource } from '../../shared/resource';
import { createArticle } from './create.operation';
import { deleteArticle } from './delete.operation';
import { getArticle } from './get.operation';
import { listArticles } from './getMany.operation';
import { updateArticle } from './update.operation';

export const blogArticleOperations = [createArticle, getArticle, listArticles, updateArticle, deleteArticle];

export const blogArticleDescription = defineResource('blogArticle', blogArticleOperations, 'create');

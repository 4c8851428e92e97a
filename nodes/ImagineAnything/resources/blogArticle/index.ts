import { defineResource } from '../../shared/resource';
import { createArticle } from './createArticle.operation';
import { deleteArticle } from './deleteArticle.operation';
import { getArticle } from './getArticle.operation';
import { listArticles } from './listArticles.operation';
import { updateArticle } from './updateArticle.operation';

export const blogArticleOperations = [createArticle, getArticle, listArticles, updateArticle, deleteArticle];

export const blogArticleDescription = defineResource('blogArticle', blogArticleOperations, 'create');

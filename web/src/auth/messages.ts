import { defineMessages } from '../i18n/i18n';

export const authMessages = defineMessages({
  fr: {
    title: 'Connexion',
    email: 'Adresse électronique',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    failed: 'Adresse ou mot de passe incorrect.',
    throttled: 'Trop de tentatives : réessayez dans {seconds} secondes.',
    expired: 'Votre session a expiré : reconnectez-vous pour continuer.',
    forgot: 'Mot de passe oublié ?',
    noAccount: 'Chercheuse ou chercheur sans compte ?',
    signup: 'Créer un compte d’intervenant',
    loggedOut: 'Vous êtes déconnecté.',
  },
  en: {
    title: 'Sign in',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Wrong email address or password.',
    throttled: 'Too many attempts: try again in {seconds} seconds.',
    expired: 'Your session has expired: sign in again to go on.',
    forgot: 'Forgotten password?',
    noAccount: 'A researcher without an account?',
    signup: 'Create a speaker account',
    loggedOut: 'You are signed out.',
  },
});

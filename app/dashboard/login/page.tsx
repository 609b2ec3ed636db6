import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { LoginForm } from '@/components/dashboard/LoginForm';
import { isSecureEnoughForLogin } from '@/lib/auth/request-checks';

export const metadata: Metadata = { title: 'Log in', robots: { index: false, follow: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return <LoginForm error={error} secure={isSecureEnoughForLogin(await headers())} />;
}
